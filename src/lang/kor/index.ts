import generated from './cldr.json' with { type: 'json' };
import entities from './entities.json' with { type: 'json' };
import reviewed from './words.json' with { type: 'json' };
import { definePack } from '../define-pack.js';

export const pack = definePack('kor', generated, reviewed, entities);
