/** Commands of the language for algebra; filled in by the algebra modules. */
export {};
