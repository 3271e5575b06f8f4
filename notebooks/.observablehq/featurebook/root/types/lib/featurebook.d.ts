// Types of notebooks/lib/featurebook.js (the bundle of src/browser.ts) for tsconfig.notebooks.json.
export * from '../../../src/browser.js';
