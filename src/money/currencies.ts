/**
 * Currencies as data (ISO 4217 code, English rendering). Surface forms that name them in French
 * and English news live in currency-forms.ts.
 */
export interface Currency {
  code: string;
  /** Prefix used in English renderings: "US$506 billion", "₩728 trillion", "CHF 5 million". */
  english: string;
  /** Put a space between the prefix and the number ("CHF 5 million"). */
  spaced?: boolean;
  name: string;
}

export const CURRENCIES: Record<string, Currency> = {
  KRW: { code: 'KRW', english: '₩', name: 'South Korean won' },
  USD: { code: 'USD', english: 'US$', name: 'US dollar' },
  CAD: { code: 'CAD', english: 'C$', name: 'Canadian dollar' },
  AUD: { code: 'AUD', english: 'A$', name: 'Australian dollar' },
  NZD: { code: 'NZD', english: 'NZ$', name: 'New Zealand dollar' },
  HKD: { code: 'HKD', english: 'HK$', name: 'Hong Kong dollar' },
  TWD: { code: 'TWD', english: 'NT$', name: 'New Taiwan dollar' },
  SGD: { code: 'SGD', english: 'S$', name: 'Singapore dollar' },
  MXN: { code: 'MXN', english: 'MX$', name: 'Mexican peso' },
  EUR: { code: 'EUR', english: '€', name: 'euro' },
  JPY: { code: 'JPY', english: '¥', name: 'Japanese yen' },
  CNY: { code: 'CNY', english: 'CN¥', name: 'Chinese yuan' },
  GBP: { code: 'GBP', english: '£', name: 'pound sterling' },
  CHF: { code: 'CHF', english: 'CHF', spaced: true, name: 'Swiss franc' },
  INR: { code: 'INR', english: '₹', name: 'Indian rupee' },
  RUB: { code: 'RUB', english: '₽', name: 'Russian rouble' },
  BRL: { code: 'BRL', english: 'R$', name: 'Brazilian real' },
  PLN: { code: 'PLN', english: 'PLN', spaced: true, name: 'Polish zloty' },
  SEK: { code: 'SEK', english: 'SEK', spaced: true, name: 'Swedish krona' },
  NOK: { code: 'NOK', english: 'NOK', spaced: true, name: 'Norwegian krone' },
  DKK: { code: 'DKK', english: 'DKK', spaced: true, name: 'Danish krone' },
  TRY: { code: 'TRY', english: 'TRY', spaced: true, name: 'Turkish lira' },
  XOF: { code: 'XOF', english: 'CFA F', spaced: true, name: 'CFA franc' },
  SAR: { code: 'SAR', english: 'SAR', spaced: true, name: 'Saudi riyal' },
  AED: { code: 'AED', english: 'AED', spaced: true, name: 'UAE dirham' },
  // Pre-euro and other currencies still met in archives and financial wires.
  FRF: { code: 'FRF', english: 'FRF', spaced: true, name: 'French franc' },
  FIM: { code: 'FIM', english: 'FIM', spaced: true, name: 'Finnish markka' },
  NLG: { code: 'NLG', english: 'NLG', spaced: true, name: 'Dutch guilder' },
  ESP: { code: 'ESP', english: 'ESP', spaced: true, name: 'Spanish peseta' },
  DEM: { code: 'DEM', english: 'DEM', spaced: true, name: 'Deutsche mark' },
  GHS: { code: 'GHS', english: 'GH₵', name: 'Ghanaian cedi' },
};

export function currency(code: string): Currency {
  return CURRENCIES[code] ?? { code, english: code, spaced: true, name: code };
}
