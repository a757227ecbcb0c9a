import { describe, expect, test } from 'vitest';
import { foldForMatching, normaliseText, paragraphSpans } from '../../src/ingest/normalise-text.js';

describe('normaliseText', () => {
  test('composes to NFC', () => {
    const decomposed = 'Re\u0301sume\u0301 de l’e\u0301conomie';
    expect(normaliseText(decomposed)).toBe('Résumé de l’économie');
  });

  test('unifies line endings, drops zero-width characters and soft hyphens, trims lines', () => {
    expect(normaliseText('Un\u200B deux.\r\n  trois\u00AD quatre.  \rcinq.\u2028six.')).toBe('Un deux.\ntrois quatre.\ncinq.\nsix.');
  });

  test('keeps one paragraph per line and drops blank lines', () => {
    expect(normaliseText('Premier paragraphe.\n\n\nDeuxième paragraphe.\nTroisième.')).toBe('Premier paragraphe.\nDeuxième paragraphe.\nTroisième.');
  });

  test('unwraps hard-wrapped paragraphs separated by blank lines', () => {
    const wrapped =
      'Le président a appelé mardi à tripler les dépenses\npubliques consacrées aux projets d’expansion des\ninfrastructures et des technologies d’intelligence\nartificielle.\n\nSecond paragraphe court.';
    expect(normaliseText(wrapped)).toBe(
      'Le président a appelé mardi à tripler les dépenses publiques consacrées aux projets d’expansion des infrastructures et des technologies d’intelligence artificielle.\nSecond paragraphe court.',
    );
  });

  test('joins a word hyphenated across a wrapped line', () => {
    expect(normaliseText('Les dépenses consacrées aux infra-\nstructures numériques du pays et\naux réseaux électriques augmentent\nfortement.')).toBe(
      'Les dépenses consacrées aux infrastructures numériques du pays et aux réseaux électriques augmentent fortement.',
    );
  });

  test('keeps a headline on its own line above its paragraph', () => {
    expect(normaliseText('Le budget de Séoul\nLe président a parlé mardi.')).toBe('Le budget de Séoul\nLe président a parlé mardi.');
  });

  test('keeps no-break spaces (they are text) but collapses runs of ordinary spaces', () => {
    expect(normaliseText('728\u00A0000   milliards')).toBe('728\u00A0000 milliards');
  });
});

describe('foldForMatching', () => {
  test('maps look-alike spaces and apostrophes one for one, so offsets stay valid', () => {
    const text = '728\u202F000 milliards d’euros\u00A0; 5\u2009%';
    const folded = foldForMatching(text);
    expect(folded).toBe("728 000 milliards d'euros ; 5 %");
    expect(folded.length).toBe(text.length);
  });
});

describe('paragraphSpans', () => {
  test('gives the span of every line', () => {
    const text = 'Un.\nDeux deux.\nTrois.';
    expect(paragraphSpans(text).map((s) => text.slice(s.start, s.end))).toEqual(['Un.', 'Deux deux.', 'Trois.']);
  });
});
