export * from './types';
export * from './price.rule';
export * from './capped-count.rule';
export * from './all-or-nothing.rule';
export * from './flaw-ladder.rule';
export * from './registry';
export * from './procurement-scheme';
export * from './score-procurement';
