export type EntityType = 'PERSON' | 'ORG' | 'LOC';

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
