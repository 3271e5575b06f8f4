export * from '../../types/lib/ort/ort.js';
