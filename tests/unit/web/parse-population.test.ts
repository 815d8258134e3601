import { describe, expect, it } from 'vitest';
import { isInputError } from '../../../analysis/errors.ts';
import { parsePopulationCsv } from '../../../web/src/data/parse-population.ts';

const HEADER = 'h3,residents,elders60,elders65,elders80,households,unit_id,street_id';

function thrown(run: () => unknown) {
  try {
    run();
  } catch (error) {
    if (isInputError(error)) return error;
    throw error;
  }
  throw new Error('expected an InputError');
}

describe('parsePopulationCsv', () => {
  it('reads rows with numbers as numbers', () => {
    const rows = parsePopulationCsv(
      `${HEADER}\n8a3091190087fff,859,174,126,22,328,C-1,S-1\n8a309119008ffff,377,76,55,10,144,C-2,S-1\n`,
    );
    expect(rows).toEqual([
      {
        h3: '8a3091190087fff',
        residents: 859,
        elders60: 174,
        elders65: 126,
        elders80: 22,
        households: 328,
        unit_id: 'C-1',
        street_id: 'S-1',
      },
      {
        h3: '8a309119008ffff',
        residents: 377,
        elders60: 76,
        elders65: 55,
        elders80: 10,
        households: 144,
        unit_id: 'C-2',
        street_id: 'S-1',
      },
    ]);
  });

  it('accepts a header-only file as zero cells', () => {
    expect(parsePopulationCsv(`${HEADER}\n`)).toEqual([]);
  });

  it('names the missing column', () => {
    const error = thrown(() => parsePopulationCsv('h3,residents\n8a3091190087fff,1\n', 'p.csv'));
    expect(error.code).toBe('E_MISSING_COLUMN');
    expect(error.location).toEqual({ file: 'p.csv', column: 'elders60' });
  });

  it('names file, row and column of text in a number field', () => {
    const csv = `${HEADER}\n8a3091190087fff,859,174,126,22,328,C-1,S-1\n8a309119008ffff,377,many,55,10,144,C-2,S-1\n`;
    const error = thrown(() => parsePopulationCsv(csv, 'p.csv'));
    expect(error.code).toBe('E_BAD_NUMBER');
    expect(error.location).toEqual({ file: 'p.csv', row: 3, column: 'elders60' });
  });

  it('rejects negative counts and bad cell ids', () => {
    expect(
      thrown(() => parsePopulationCsv(`${HEADER}\n8a3091190087fff,-1,0,0,0,0,C,S\n`)).code,
    ).toBe('E_BAD_NUMBER');
    expect(thrown(() => parsePopulationCsv(`${HEADER}\nnot-a-cell,1,0,0,0,0,C,S\n`)).code).toBe(
      'E_BAD_H3',
    );
  });
});
