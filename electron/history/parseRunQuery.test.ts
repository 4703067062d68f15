import { describe, expect, it } from 'vitest';
import { parseRunQuery, RunQueryError } from './parseRunQuery.js';
import { jsonPathOf, runQueryToSql } from './runQueryToSql.js';

describe('the history query language', () => {
  it('reads "activation = tanh and n >= 2000" as two comparisons joined by and', () => {
    expect(parseRunQuery('activation = tanh and n >= 2000')).toEqual({
      type: 'and',
      items: [
        { type: 'compare', field: ['activation'], op: '=', value: 'tanh' },
        { type: 'compare', field: ['n'], op: '>=', value: 2000 },
      ],
    });
  });

  it('needs no spaces around operators and treats juxtaposition as and', () => {
    expect(parseRunQuery('n>=2000 d<4e3')).toEqual({
      type: 'and',
      items: [
        { type: 'compare', field: ['n'], op: '>=', value: 2000 },
        { type: 'compare', field: ['d'], op: '<', value: 4000 },
      ],
    });
  });

  it('binds and tighter than or, and honours parentheses and not', () => {
    expect(parseRunQuery('tag = a or kind = mp-sanity and not (status = failed)')).toEqual({
      type: 'or',
      items: [
        { type: 'compare', field: ['tag'], op: '=', value: 'a' },
        {
          type: 'and',
          items: [
            { type: 'compare', field: ['kind'], op: '=', value: 'mp-sanity' },
            { type: 'not', item: { type: 'compare', field: ['status'], op: '=', value: 'failed' } },
          ],
        },
      ],
    });
  });

  it('reads dotted parameter paths, quoted strings, booleans, dates and free words', () => {
    expect(parseRunQuery('widths.1 != 500')).toEqual({ type: 'compare', field: ['widths', '1'], op: '!=', value: 500 });
    expect(parseRunQuery('experiment ~ "heavy tail"')).toEqual({ type: 'compare', field: ['experiment'], op: '~', value: 'heavy tail' });
    expect(parseRunQuery('ntk = true')).toEqual({ type: 'compare', field: ['ntk'], op: '=', value: true });
    expect(parseRunQuery('created >= 2024-05-01')).toEqual({ type: 'compare', field: ['created'], op: '>=', value: '2024-05-01' });
    expect(parseRunQuery('wishart')).toEqual({ type: 'text', text: 'wishart' });
    expect(parseRunQuery('   ')).toBeNull();
  });

  it('refuses malformed queries with the position of the problem', () => {
    const bad: [string, RegExp][] = [
      ['n >=', /Expected a value at the end/],
      ['(n = 1', /Expected "\)"/],
      ['n = 1)', /Unexpected "\)"/],
      ['= 3', /field name before "="/],
      ['"unclosed', /Unclosed quote/],
      ['a-b$ = 1', /not a field name/],
      ['n ! 3', /did you mean "!="/],
    ];
    for (const [q, message] of bad) {
      expect(() => parseRunQuery(q), q).toThrow(RunQueryError);
      expect(() => parseRunQuery(q), q).toThrow(message);
    }
  });

  it('compiles to SQL in which every user value is a bound parameter', () => {
    const evil = `x' OR 1=1 --`;
    const c = runQueryToSql(parseRunQuery(`activation = "${evil}" and n >= 2000 and tag = paper`)!);
    expect(c.sql).not.toContain(evil);
    expect(c.sql).not.toContain('2000');
    expect(c.sql).not.toContain('paper');
    expect(c.params).toEqual(['$.activation', evil, '$.n', 2000, 'paper']);
    expect(jsonPathOf(['model', 'theta', '0'])).toBe('$.model.theta[0]');
  });

  it('gives dates whole-day meaning and checks column types', () => {
    expect(runQueryToSql(parseRunQuery('created = 2024-05-01')!)).toEqual({ sql: '(r.created_at LIKE ?)', params: ['2024-05-01%'] });
    expect(runQueryToSql(parseRunQuery('created <= 2024-05-01')!).params).toEqual(['2024-05-01~']);
    expect(() => runQueryToSql(parseRunQuery('seed = abc')!)).toThrow(/seed is a number/);
    expect(() => runQueryToSql(parseRunQuery('status = finished')!)).toThrow(/status is one of/);
    expect(() => runQueryToSql(parseRunQuery('created > yesterday')!)).toThrow(/not a date/);
  });
});
