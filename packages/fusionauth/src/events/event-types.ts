import { fusionAuthCatalogue } from './catalogue.js';
import type { FusionAuthEventTypeList } from './generated/types.js';

export { fusionAuthTypeAliases } from './catalogue.js';

/** Every FusionAuth event type, canonical spelling (see `fusionAuthTypeAliases` for the others). */
export const fusionAuthEventTypes = Object.keys(fusionAuthCatalogue) as unknown as FusionAuthEventTypeList;
