export * from '../types/lib/vega.js';
