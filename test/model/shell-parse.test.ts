import { describe, expect, it } from 'vitest';
import { parseShell } from '../../src/model/shell/parse.js';

const identity = { toSource: (i: number) => i, toSourceEnd: (i: number) => i };
const parse = (s: string) => parseShell(s, identity);
const names = (s: string) => parse(s).commands.filter((c) => c.name).map((c) => c.name);

describe('shell parser', () => {
  it('splits commands on operators and keeps their arguments', () => {
    const s = parse('apt-get update && apt-get install -y curl || true; echo done | tee log &');
    expect(s.commands.map((c) => [c.name, c.args.map((a) => a.value), c.before, c.after])).toEqual([
      ['apt-get', ['update'], '', '&&'],
      ['apt-get', ['install', '-y', 'curl'], '&&', '||'],
      ['true', [], '||', ';'],
      ['echo', ['done'], ';', '|'],
      ['tee', ['log'], '|', '&'],
    ]);
    expect(s.hasPipe).toBe(true);
  });

  it('removes quotes and keeps exact spans', () => {
    const src = `echo "a b" 'c d' e\\ f $'g\\nh'`;
    const c = parse(src).commands[0];
    expect(c.args.map((a) => a.value)).toEqual(['a b', 'c d', 'e f', 'g\nh']);
    expect(c.args.map((a) => src.slice(a.start, a.end))).toEqual(['"a b"', "'c d'", 'e\\ f', "$'g\\nh'"]);
  });

  it("ends an ANSI-C string at its closing quote, not at an escaped one ($'it\\'s')", () => {
    const src = `echo $'it\\'s' && apt-get install -y curl`;
    const s = parse(src);
    expect(s.commands.map((c) => [c.name, c.args.map((a) => a.value)])).toEqual([
      ['echo', ["it's"]],
      ['apt-get', ['install', '-y', 'curl']],
    ]);
    expect(src.slice(s.commands[0].args[0].start, s.commands[0].args[0].end)).toBe(`$'it\\'s'`);
    // Also inside a command substitution.
    expect(names(`x=$(printf $'a\\'b' | tr a b) && apk add c`)).toEqual(['printf', 'tr', 'apk']);
  });

  it('separates assignments and redirections from arguments', () => {
    const c = parse('DEBIAN_FRONTEND=noninteractive apt-get install -y tzdata > /dev/null 2>&1').commands[0];
    expect(c.name).toBe('apt-get');
    expect(c.assignments.map((a) => a.value)).toEqual(['DEBIAN_FRONTEND=noninteractive']);
    expect(c.args.map((a) => a.value)).toEqual(['install', '-y', 'tzdata']);
    expect(c.redirects.map((r) => [r.op, r.target?.value])).toEqual([['>', '/dev/null'], ['>&', '1']]);
  });

  it('finds commands inside control flow, subshells and substitutions', () => {
    expect(names('if [ -f x ]; then apt-get install -y a; else apk add b; fi')).toEqual(['[', 'apt-get', 'apk']);
    expect(names('for p in a b; do pip install $p; done')).toEqual(['pip']);
    expect(names('while read l; do echo $l; done < f')).toEqual(['read', 'echo']);
    expect(names('(cd /x && make) && { npm ci; }')).toEqual(['cd', 'make', 'npm']);
    expect(names('echo $(curl -s http://x | sha256sum) `uname -m`')).toEqual(['echo', 'curl', 'sha256sum', 'uname']);
    expect(names('case "$ARCH" in amd64|x86_64) wget a ;; arm64) curl b ;; *) exit 1 ;; esac; echo after')).toEqual(['wget', 'curl', 'exit', 'echo']);
    expect(names('f() { echo hi; }; f')).toEqual(['echo', 'f']);
  });

  it('does not treat arithmetic or parameter expansion as commands', () => {
    expect(names('echo $((1 + 2)) ${X:-a b}')).toEqual(['echo']);
    const c = parse('echo ${X:-a b}').commands[0];
    expect(c.args.map((a) => a.value)).toEqual(['${X:-a b}']);
  });

  it('skips comments and joins backslash-newline', () => {
    expect(names('# only a comment\napt-get \\\n  install x # trailing\nnext')).toEqual(['apt-get', 'next']);
    expect(parse('apt-get \\\n  install x').commands[0].args.map((a) => a.value)).toEqual(['install', 'x']);
  });

  it('marks nested commands', () => {
    const cmds = parse('echo $(id -u)').commands;
    expect(cmds.map((c) => [c.name, c.nested])).toEqual([['echo', false], ['id', true]]);
  });

  it('records the groups and subshells around commands, with the redirections and operator after them', () => {
    const src = '{ echo a; (echo b; echo c) > f 2>&1; } | tee g; echo d; { :; } ; x';
    const cmds = parse(src).commands.filter((c) => c.name);
    const [a, b, c, tee, d, colon] = cmds;
    expect(a.group?.after).toBe('|');
    expect(a.group?.redirects).toEqual([]);
    expect(src.slice(0, a.group?.end)).toBe('{ echo a; (echo b; echo c) > f 2>&1; }');
    expect(b.group).toBe(c.group);
    expect(b.group?.parent).toBe(a.group);
    expect(b.group?.redirects.map((r) => [r.op, r.target?.value])).toEqual([['>', 'f'], ['>&', '1']]);
    expect(b.group?.after).toBe(';');
    expect(src.slice(0, b.group?.end)).toBe('{ echo a; (echo b; echo c)');
    expect([tee.group, d.group]).toEqual([undefined, undefined]);
    expect(colon.group?.after).toBe(';');
    // A stray closing brace or parenthesis closes nothing.
    expect(parse('} ; echo x').commands.map((k) => [k.name, k.group])).toEqual([['echo', undefined]]);
  });

  it('reads each command of nested substitutions once, quoted or not', () => {
    // The inner `$(...)` belongs to the outer substitution's script only, not also to the string around it.
    expect(names('echo "$(echo "$(apt-get install -y foo)")"')).toEqual(['echo', 'echo', 'apt-get']);
    expect(names('echo "$(echo $(id -u))" "$(cat a) $(date)"')).toEqual(['echo', 'echo', 'id', 'cat', 'date']);
    const src = 'X="$(grep "a\\$" f)"; echo "pre $(uname -m) post"';
    const s = parse(src);
    expect(s.commands.map((c) => c.name)).toEqual(['', 'grep', 'echo', 'uname']);
    // The word keeps the substitution as written, as it does unquoted; the string's own escapes are removed.
    expect(s.commands[0].assignments[0].value).toBe('X=$(grep "a\\$" f)');
    expect(s.commands[2].args[0].value).toBe('pre $(uname -m) post');
    const uname = s.commands[3];
    expect(src.slice(uname.start, uname.end)).toBe('uname -m');
  });

  it('parses substitutions nested 20,000 deep without exhausting the stack, up to a depth', () => {
    const deep = (open: string, close: string, n: number, inner = 'apt-get install x') => `${open.repeat(n)}${inner}${close.repeat(n)}`;
    for (const [open, close] of [['$(', ')'], ['"$(echo ', ')"'], ['$(( ', ' ))'], ['${x:-', '}']]) {
      const s = parse(`apk add curl && echo ${deep(open, close, 20_000)}; true`);
      expect(s.commands[0].name).toBe('apk');
      expect(s.commands.at(-1)!.name).toBe('true');
    }
    // Shallow nesting is read to the bottom; past 32 levels the rest stays inside a word.
    expect(names(`echo ${deep('$(true; x=', ')', 5, '; apt-get install x')}`)).toEqual(['echo', ...Array(5).fill('true'), 'apt-get']);
    expect(names(`echo ${deep('$(true; x=', ')', 40, '; apt-get install x')}`)).toEqual(['echo', ...Array(32).fill('true')]);
  });
});
