// @casl/ability publishes its types behind package "exports", which moduleResolution "node" does not read.
declare module '@casl/ability' {
  export * from '@casl/ability/dist/types/index';
}
