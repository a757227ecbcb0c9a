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
}
