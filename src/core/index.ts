/** The rating core: pure TypeScript shared by the custom functions, the task pane and the kpi-rag command. */
export * from "./status";
export * from "./cell";
export * from "./units";
export * from "./wording";
export * from "./definition";
export * from "./bands";
export * from "./rate";
export * from "./trend";
export * from "./catalogue";
export * from "./grid";
export * from "./palette";
export * from "./register";
export * from "./headers";
export * from "./tables";
export * from "./describe";
export * from "./plan";
export * from "./gap";
