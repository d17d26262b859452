/** A configuration problem: reported as one line with the file (and position when known); exit code 2. */
export class ConfigError extends Error {
  constructor(message: string, readonly file?: string, readonly line?: number, readonly column?: number) {
    // One line whatever the message quotes from the file.
    super(message.replace(/\s*[\r\n]+\s*/g, ' '));
    this.name = 'ConfigError';
  }

  get oneLine(): string {
    const where = this.file ? `${this.file}${this.line ? `:${this.line}${this.column ? `:${this.column}` : ''}` : ''}: ` : '';
    return `${where}${this.message}`;
  }
}

/** Unreadable or unusable input (binary, too large, not UTF-8...). Exit code 2. */
export class InputError extends Error {
  constructor(message: string, readonly file?: string) {
    super(message);
    this.name = 'InputError';
  }

  get oneLine(): string {
    return this.file ? `${this.file}: ${this.message}` : this.message;
  }
}
