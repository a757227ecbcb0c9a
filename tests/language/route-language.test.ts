import { describe, expect, test } from 'vitest';
import { routeLanguage } from '../../src/language/route-language.js';

const translatable = new Set(['fra', 'spa', 'deu', 'ita']);
const reliable = (code: string) => ({ code, iso1: null, confidence: 0.99, reliable: true });

describe('routeLanguage', () => {
  test('French is translated, English is not', () => {
    expect(routeLanguage(reliable('fra'), translatable)).toEqual({ action: 'translate', language: 'fra', warnings: [] });
    expect(routeLanguage(reliable('eng'), translatable)).toEqual({ action: 'none', language: 'eng', warnings: [] });
  });

  test('a language with a declared model is translated', () => {
    expect(routeLanguage(reliable('spa'), translatable).action).toBe('translate');
  });

  test('a language without a model fails with UNSUPPORTED_LANGUAGE, naming it and what is supported', () => {
    expect(() => routeLanguage(reliable('por'), translatable)).toThrow(
      expect.objectContaining({
        code: 'UNSUPPORTED_LANGUAGE',
        message: expect.stringMatching(/Portuguese \(por\).*Supported: English \(eng\), French \(fra\).*models\/manifest\.json/),
      }),
    );
  });

  test('und routes by its guess, with a warning', () => {
    const r = routeLanguage({ code: 'und', iso1: null, confidence: 0.3, reliable: false, reason: 'too short', guess: 'fra' }, translatable);
    expect(r.action).toBe('translate');
    expect(r.warnings).toEqual([expect.objectContaining({ code: 'LANGUAGE_UNRELIABLE' })]);
  });

  test('und with no usable guess fails with LANGUAGE_UNDETERMINED', () => {
    expect(() => routeLanguage({ code: 'und', iso1: null, confidence: 0, reliable: false, reason: 'no letters' }, translatable)).toThrow(
      expect.objectContaining({ code: 'LANGUAGE_UNDETERMINED' }),
    );
  });
});
