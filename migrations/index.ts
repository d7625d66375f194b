import { Foundation1764000000000 } from './1764000000000-foundation';
import { Tickets1764000000100 } from './1764000000100-tickets';

/** Every migration, in order. Never rewrite a committed one: add a new file. */
export const MIGRATIONS = [Foundation1764000000000, Tickets1764000000100];
