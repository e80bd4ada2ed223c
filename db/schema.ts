export * from "./schema/auth";
export * from "./schema/contractors";
export * from "./schema/events";
export * from "./schema/attendees";
export * from "./schema/messages";
export * from "./schema/matching";
export * from "./schema/system";
export * from "./schema/ratelimits";
