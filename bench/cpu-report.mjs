// Preloaded by bench/startup.ts into every process it times (`node --import ./bench/cpu-report.mjs
// …`): at exit, print the CPU time the process used (user + system, all its threads) on stderr, so
// that the benchmark can report it beside the wall-clock time, which a busy machine disturbs more.
process.on('exit', () => {
  const { user, system } = process.cpuUsage();
  process.stderr.write(`\n__parley_cpu_us ${user + system}\n`);
});
