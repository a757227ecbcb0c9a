import { describe, expect, test } from 'vitest';
import { findQuantities } from '../../src/entities/find-quantities.js';

describe('findQuantities', () => {
  test('percentages and dates, French and English', () => {
    const text = 'Le 3 novembre 2025, la hausse atteint 8,2 % puis 15 pour cent en 2024 ; budget 2026-2027, lundi, on November 4, 2025, up 8.2%.';
    expect(findQuantities(text, []).map((e) => `${e.type}:${e.text}`)).toEqual([
      'DATE:3 novembre 2025',
      'PERCENT:8,2 %',
      'PERCENT:15 pour cent',
      'DATE:2024',
      'DATE:2026-2027',
      'DATE:lundi',
      'DATE:November 4, 2025',
      'PERCENT:8.2%',
    ]);
  });

  test('month names inside words and bare numbers are not dates', () => {
    expect(findQuantities('Dans ce domaine, maintenant, 260 000 GPU et 1,4 fois plus.', [])).toEqual([]);
  });

  test('skips excluded spans', () => {
    const text = 'soit 8,2 % du total';
    expect(findQuantities(text, [{ start: 5, end: 10 }])).toEqual([]);
  });
});
