/** Named entities (PERSON, ORG, LOC) and the quantities a brief is scanned for. */
export type EntityType = 'PERSON' | 'ORG' | 'LOC' | 'MONEY' | 'PERCENT' | 'DATE';

export interface Mention {
  start: number;
  end: number;
  text: string;
}

/** A named entity with every mention of it; `text` is its fullest name in the article. */
export interface Entity {
  text: string;
  type: EntityType;
  mentions: Mention[];
  /**
   * DATE only: the date on the calendar, when it can be placed: `YYYY-MM-DD` (a day), `YYYY-Www`
   * (an ISO week), `YYYY-MM` (a month) or `YYYY` (a year).
   */
  value?: string;
}
