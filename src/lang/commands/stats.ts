/** Commands of the language for stats; filled in by the stats modules. */
export {};
