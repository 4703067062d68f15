/**
 * The run-history query language, parsed into a small tree (no SQL here: runQueryToSql.ts turns the
 * tree into a parameterised WHERE clause).
 *
 *   activation = tanh and n >= 2000
 *   tag = paper or (status = failed and not kind = mp-sanity)
 *   widths.1 > 500  created >= 2024-05-01  "heavy tail"
 *
 * Grammar (keywords case-insensitive; juxtaposition means `and`):
 *   query      := or
 *   or         := and ('or' and)*
 *   and        := unary (['and'] unary)*
 *   unary      := 'not' unary | '(' or ')' | comparison | text
 *   comparison := field op value        op: = != < <= > >= ~ (contains)
 *   field      := name ('.' (name | index))*
 *   value      := word | "quoted" | 'quoted'
 *   text       := word | quoted          (free text: experiment name, summary, note, kind)
 */

export type RunQueryOp = '=' | '!=' | '<' | '<=' | '>' | '>=' | '~';

export type RunQueryValue = string | number | boolean;

export type RunQueryNode =
  | { type: 'and'; items: RunQueryNode[] }
  | { type: 'or'; items: RunQueryNode[] }
  | { type: 'not'; item: RunQueryNode }
  | { type: 'compare'; field: string[]; op: RunQueryOp; value: RunQueryValue }
  | { type: 'text'; text: string };

/** A query that cannot be parsed; `position` is the character offset of the problem. */
export class RunQueryError extends Error {
  override name = 'RunQueryError';
  constructor(message: string, readonly position: number) {
    super(message);
  }
}

type Token =
  | { kind: 'word'; text: string; pos: number }
  | { kind: 'quoted'; text: string; pos: number }
  | { kind: 'op'; text: RunQueryOp; pos: number }
  | { kind: '(' | ')'; pos: number };

const OPS: readonly RunQueryOp[] = ['<=', '>=', '!=', '=', '<', '>', '~'];
/** Characters that end a bare word: whitespace, parentheses, quotes and operator characters. */
const WORD_END = /[\s()"'=!<>~]/;

function tokenize(input: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < input.length) {
    const c = input[i];
    if (/\s/.test(c)) {
      i++;
    } else if (c === '(' || c === ')') {
      tokens.push({ kind: c, pos: i++ });
    } else if (c === '"' || c === "'") {
      const start = i++;
      let text = '';
      while (i < input.length && input[i] !== c) {
        // A backslash escapes the quote character or itself.
        if (input[i] === '\\' && i + 1 < input.length) i++;
        text += input[i++];
      }
      if (i >= input.length) throw new RunQueryError(`Unclosed quote starting at character ${start + 1}`, start);
      i++;
      tokens.push({ kind: 'quoted', text, pos: start });
    } else {
      const op = OPS.find((o) => input.startsWith(o, i));
      if (op) {
        tokens.push({ kind: 'op', text: op, pos: i });
        i += op.length;
      } else if (c === '!') {
        throw new RunQueryError(`Unexpected "!" at character ${i + 1} (did you mean "!="?)`, i);
      } else {
        const start = i;
        while (i < input.length && !WORD_END.test(input[i])) i++;
        tokens.push({ kind: 'word', text: input.slice(start, i), pos: start });
      }
    }
  }
  return tokens;
}

const FIELD_SEGMENT = /^([A-Za-z_][A-Za-z0-9_]*|\d+)$/;
const NUMBER = /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/;

function keyword(t: Token | undefined, word: string): boolean {
  return t?.kind === 'word' && t.text.toLowerCase() === word;
}

/** Parses a query; an empty or blank query gives null (match everything). */
export function parseRunQuery(input: string): RunQueryNode | null {
  if (input.length > 2000) throw new RunQueryError('The query is longer than 2000 characters', 2000);
  const tokens = tokenize(input);
  if (tokens.length === 0) return null;
  let k = 0;
  const peek = () => tokens[k];
  const where = (t: Token | undefined) => (t ? `at character ${t.pos + 1}` : 'at the end');

  const parseValue = (): RunQueryValue => {
    const t = tokens[k];
    if (!t || (t.kind !== 'word' && t.kind !== 'quoted')) throw new RunQueryError(`Expected a value ${where(t)}`, t?.pos ?? input.length);
    k++;
    if (t.kind === 'quoted') return t.text;
    if (NUMBER.test(t.text)) return Number(t.text);
    if (t.text === 'true' || t.text === 'false') return t.text === 'true';
    return t.text;
  };

  const parseUnary = (depth: number): RunQueryNode => {
    if (depth > 50) throw new RunQueryError('The query nests too deeply', peek()?.pos ?? input.length);
    const t = peek();
    if (!t) throw new RunQueryError('The query ends where a condition was expected', input.length);
    if (keyword(t, 'not')) {
      k++;
      return { type: 'not', item: parseUnary(depth + 1) };
    }
    if (t.kind === '(') {
      k++;
      const inner = parseOr(depth + 1);
      if (peek()?.kind !== ')') throw new RunQueryError(`Expected ")" ${where(peek())} to close "(" at character ${t.pos + 1}`, peek()?.pos ?? input.length);
      k++;
      return inner;
    }
    if (t.kind === 'op') throw new RunQueryError(`Expected a field name before "${t.text}" at character ${t.pos + 1}`, t.pos);
    if (t.kind !== 'word' && t.kind !== 'quoted') throw new RunQueryError(`Unexpected ")" at character ${t.pos + 1}`, t.pos);
    k++;
    const next = peek();
    if (next?.kind === 'op') {
      if (t.kind === 'quoted') throw new RunQueryError(`A field name cannot be quoted (character ${t.pos + 1})`, t.pos);
      const field = t.text.split('.');
      const bad = field.find((s) => !FIELD_SEGMENT.test(s));
      if (bad !== undefined) throw new RunQueryError(`"${t.text}" is not a field name (letters, digits, _ and dots) at character ${t.pos + 1}`, t.pos);
      k++;
      return { type: 'compare', field, op: next.text, value: parseValue() };
    }
    return { type: 'text', text: t.text };
  };

  const parseAnd = (depth: number): RunQueryNode => {
    const items = [parseUnary(depth)];
    for (;;) {
      const t = peek();
      if (!t || t.kind === ')' || keyword(t, 'or')) break;
      if (keyword(t, 'and')) k++;
      items.push(parseUnary(depth));
    }
    return items.length === 1 ? items[0] : { type: 'and', items };
  };

  function parseOr(depth: number): RunQueryNode {
    const items = [parseAnd(depth)];
    while (keyword(peek(), 'or')) {
      k++;
      items.push(parseAnd(depth));
    }
    return items.length === 1 ? items[0] : { type: 'or', items };
  }

  const tree = parseOr(0);
  if (k < tokens.length) throw new RunQueryError(`Unexpected ${tokens[k].kind === ')' ? '")"' : 'text'} at character ${tokens[k].pos + 1}`, tokens[k].pos);
  return tree;
}
