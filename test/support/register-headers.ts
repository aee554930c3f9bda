/**
 * The KPIRegister table's header row as the add-in writes it and the seeds' Appendix A register reads,
 * spelt out by the tests themselves (not taken from src/core, whose reading of it they judge).
 */
export const registerHeaders = [
  "ID",
  "Measure",
  "Section",
  "Polarity",
  "Unit",
  "Target",
  "Tolerance",
  "Covid19 Tolerance",
  "Notes",
] as const;
