/** Types of bundle.mjs (a plain script, so that `build` runs with node alone). */
export declare const EXTERNAL: string[];
export declare function bundleServer(options: {
  entry: string;
  outdir: string;
  sourcemap?: boolean;
}): Promise<void>;
