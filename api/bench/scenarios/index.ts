import { importScenario } from './import.js';
import { intervision } from './intervision.js';
import { search } from './search.js';
import { support } from './support.js';
import type { Scenario } from './types.js';

/** Every scenario the bench knows, in the order it runs them. Add a new one here. */
export const SCENARIOS: readonly Scenario[] = [search, importScenario, intervision, support];
