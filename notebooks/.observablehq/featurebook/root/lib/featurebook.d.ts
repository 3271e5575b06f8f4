export * from '../types/lib/featurebook.js';
