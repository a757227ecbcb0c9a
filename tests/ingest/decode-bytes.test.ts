import { describe, expect, test } from 'vitest';
import iconv from 'iconv-lite';
import { decodeBytes } from '../../src/ingest/decode-bytes.js';
import { isInputError } from '../../src/errors.js';

const FRENCH = 'Le président a présenté « un budget record » de 728 000 milliards de wons, soit 506 milliards $ US, à l’Assemblée. Cœur de l’œuvre : 5 €.';

describe('decodeBytes', () => {
  test('reads UTF-8 without BOM', () => {
    const d = decodeBytes(Buffer.from(FRENCH, 'utf8'));
    expect(d).toMatchObject({ text: FRENCH, encoding: 'utf-8', warnings: [] });
  });

  test('reads UTF-8 with BOM and drops the BOM', () => {
    const d = decodeBytes(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(FRENCH, 'utf8')]));
    expect(d.text).toBe(FRENCH);
    expect(d.encoding).toBe('utf-8');
  });

  test.for([
    ['utf-16le', [0xff, 0xfe]],
    ['utf-16be', [0xfe, 0xff]],
  ] as const)('reads %s with BOM', ([encoding, bom]) => {
    const body = encoding === 'utf-16le' ? Buffer.from(FRENCH, 'utf16le') : Buffer.from(FRENCH, 'utf16le').swap16();
    const d = decodeBytes(Buffer.concat([Buffer.from(bom), body]));
    expect(d.text).toBe(FRENCH);
    expect(d.encoding).toBe(encoding);
  });

  test('reads Windows-1252, including € and œ that Latin-1 lacks', () => {
    const d = decodeBytes(iconv.encode(FRENCH, 'windows-1252'));
    expect(d.text).toBe(FRENCH);
    expect(d.encoding).toBe('windows-1252');
  });

  test('reads ISO-8859-1 French as Windows-1252, its superset', () => {
    const latin1 = 'Le ministre a déclaré à la presse que les négociations étaient terminées et que l’accord était signé.'.replace('’', "'");
    const d = decodeBytes(iconv.encode(latin1, 'latin1'));
    expect(d.text).toBe(latin1);
    expect(d.encoding).toBe('windows-1252');
  });

  test('keeps mostly-valid UTF-8 as UTF-8 and warns about the replaced bytes', () => {
    const bytes = Buffer.concat([Buffer.from('Le président a parlé ', 'utf8'), Buffer.from([0xff]), Buffer.from(' à Séoul.', 'utf8')]);
    const d = decodeBytes(bytes);
    expect(d.encoding).toBe('utf-8');
    expect(d.text).toBe('Le président a parlé \uFFFD à Séoul.');
    expect(d.warnings).toEqual([expect.objectContaining({ code: 'INVALID_UTF8' })]);
  });

  test('uses a declared charset when the bytes are not UTF-8', () => {
    const d = decodeBytes(iconv.encode('Économie', 'windows-1252'), { declaredCharset: 'ISO-8859-1' });
    expect(d).toMatchObject({ text: 'Économie', encoding: 'windows-1252' });
  });

  test('refuses bytes with NUL as binary, saying how to fix UTF-16 without BOM', () => {
    expect(() => decodeBytes(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01]))).toThrow(/binary.*byte-order mark/);
    try {
      decodeBytes(Buffer.from('a\u0000b'));
    } catch (error) {
      expect(isInputError(error) && error.code).toBe('INPUT_BINARY');
    }
  });

  test('refuses text full of control bytes as binary', () => {
    const bytes = Buffer.alloc(200, 0x01);
    expect(() => decodeBytes(bytes)).toThrow(expect.objectContaining({ code: 'INPUT_BINARY' }));
  });
});
