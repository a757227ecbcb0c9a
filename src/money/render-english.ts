import { currency } from './currencies.js';
import { type Decimal, shiftedString, toNumber } from './decimal.js';

const SCALES: Array<[number, string]> = [
  [12, 'trillion'],
  [9, 'billion'],
  [6, 'million'],
];

const PER_UNIT: Record<string, string> = {
  mois: 'month', an: 'year', année: 'year', jour: 'day', semaine: 'week', heure: 'hour', tonne: 'tonne',
  baril: 'barrel', litre: 'litre', action: 'share', habitant: 'inhabitant', personne: 'person',
  véhicule: 'vehicle', unité: 'unit', enfant: 'child', ménage: 'household', nuit: 'night', kilo: 'kilo',
  'million de BTU': 'million BTU', kilowattheure: 'kWh', mégawattheure: 'MWh', salarié: 'employee',
  employé: 'employee', foyer: 'household', tête: 'head', élève: 'pupil', exemplaire: 'copy', pièce: 'piece',
};

/**
 * English rendering of an amount from its exact value: "₩728 trillion", "US$6.9 billion",
 * "C$45,000". Digits are those the value has, never more (no "728,000 billion").
 */
export function renderAmount(code: string, value: Decimal, options: { approx?: boolean; per?: string | null } = {}): string {
  const c = currency(code);
  const number = renderNumber(value);
  let out = `${c.english}${c.spaced ? ' ' : ''}${number}`;
  if (options.approx) out = `about ${out}`;
  if (options.per) out += ` per ${PER_UNIT[options.per] ?? PER_UNIT[options.per.toLowerCase()] ?? options.per}`;
  return out;
}

export function renderNumber(value: Decimal): string {
  const n = toNumber(value);
  for (const [power, word] of SCALES) {
    if (Math.abs(n) >= 10 ** power) return `${groupThousands(shiftedString(value, power))} ${word}`;
  }
  return groupThousands(shiftedString(value, 0));
}

function groupThousands(plain: string): string {
  const [integer, fraction] = plain.split('.');
  const grouped = integer!.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return fraction ? `${grouped}.${fraction}` : grouped;
}

/** "₩728 trillion (US$506 billion)": the first as printed, its equivalent in brackets. */
export function renderPair(first: string, second: string): string {
  return `${first} (${second})`;
}
