/**
 * A small strict XML reader for the formatter tests: elements, attributes, text, the five
 * predefined entities and character references. It throws on anything malformed (unclosed or
 * mismatched tags, raw `<`/`&`, duplicate attributes, characters XML 1.0 forbids), so a
 * successful parse also checks well-formedness.
 */
export interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: XmlElement[];
  text: string;
}

const NAME = /[A-Za-z_][\w.\-:]*/y;
const INVALID_CHAR = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/;

function decode(raw: string, where: number): string {
  if (raw.includes('<')) throw new Error(`raw < at ${where}`);
  return raw.replace(/&([^;]*);|&/g, (m, ent: string | undefined) => {
    if (ent === undefined) throw new Error(`bare & at ${where}`);
    switch (ent) {
      case 'amp':
        return '&';
      case 'lt':
        return '<';
      case 'gt':
        return '>';
      case 'quot':
        return '"';
      case 'apos':
        return "'";
    }
    const num = /^#x([0-9a-fA-F]+)$/.exec(ent) ?? /^#([0-9]+)$/.exec(ent);
    if (!num) throw new Error(`unknown entity ${m} at ${where}`);
    const cp = parseInt(num[1], ent.startsWith('#x') ? 16 : 10);
    const ch = String.fromCodePoint(cp);
    if (INVALID_CHAR.test(ch)) throw new Error(`invalid character reference ${m}`);
    return ch;
  });
}

export function parseXml(xml: string): { declaration: string | null; root: XmlElement } {
  if (INVALID_CHAR.test(xml)) throw new Error('document contains a character XML 1.0 forbids');
  let i = 0;
  const ws = () => {
    while (i < xml.length && /\s/.test(xml[i])) i++;
  };
  let declaration: string | null = null;
  if (xml.startsWith('<?xml')) {
    const end = xml.indexOf('?>');
    if (end < 0) throw new Error('unterminated declaration');
    declaration = xml.slice(0, end + 2);
    i = end + 2;
  }
  const name = (): string => {
    NAME.lastIndex = i;
    const m = NAME.exec(xml);
    if (!m) throw new Error(`expected a name at ${i}: ${xml.slice(i, i + 20)}`);
    i += m[0].length;
    return m[0];
  };
  const element = (): XmlElement => {
    if (xml[i] !== '<') throw new Error(`expected < at ${i}`);
    i++;
    const el: XmlElement = { name: name(), attrs: {}, children: [], text: '' };
    for (;;) {
      const before = i;
      ws();
      if (xml.startsWith('/>', i)) {
        i += 2;
        return el;
      }
      if (xml[i] === '>') {
        i++;
        break;
      }
      if (i === before) throw new Error(`expected whitespace before attribute at ${i}`);
      const key = name();
      if (key in el.attrs) throw new Error(`duplicate attribute ${key}`);
      if (xml[i] !== '=') throw new Error(`expected = at ${i}`);
      i++;
      const q = xml[i];
      if (q !== '"' && q !== "'") throw new Error(`expected quote at ${i}`);
      const end = xml.indexOf(q, i + 1);
      if (end < 0) throw new Error('unterminated attribute');
      // Attribute value normalisation: literal whitespace becomes spaces, references survive.
      el.attrs[key] = decode(xml.slice(i + 1, end).replace(/[\t\r\n]/g, ' '), i);
      i = end + 1;
    }
    for (;;) {
      const lt = xml.indexOf('<', i);
      if (lt < 0) throw new Error(`unclosed <${el.name}>`);
      el.text += decode(xml.slice(i, lt), i);
      i = lt;
      if (xml.startsWith('</', i)) {
        i += 2;
        const close = name();
        if (close !== el.name) throw new Error(`</${close}> closes <${el.name}>`);
        ws();
        if (xml[i] !== '>') throw new Error(`expected > at ${i}`);
        i++;
        return el;
      }
      el.children.push(element());
    }
  };
  ws();
  const root = element();
  ws();
  if (i !== xml.length) throw new Error(`content after the root element at ${i}`);
  return { declaration, root };
}

export function children(el: XmlElement, name: string): XmlElement[] {
  return el.children.filter((c) => c.name === name);
}
