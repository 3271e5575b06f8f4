// The one piece of WebGPU that components/model.js touches (TypeScript's DOM lib lacks it).
interface Navigator {
  readonly gpu?: { requestAdapter(): Promise<unknown> };
}
