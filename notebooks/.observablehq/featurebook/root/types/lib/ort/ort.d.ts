// Types of notebooks/lib/ort/ort.js (ONNX Runtime Web's ESM bundle).
export * from 'onnxruntime-web';
