// @actions/core imports @actions/exec (and with it child_process) only for core.platform, which
// this action never uses; tsconfig "paths" points that import here in the bundle.
export function getExecOutput(): never {
  throw new Error('@actions/exec is not bundled');
}
