// jstat ships no types; only the function we use is declared.
declare module "jstat" {
  const jStat: {
    /** The regularized lower incomplete gamma function P(a, x). */
    lowRegGamma(a: number, x: number): number;
  };
  export default jStat;
}
