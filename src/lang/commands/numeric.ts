/** Commands of the language for numeric; filled in by the numeric modules. */
export {};
