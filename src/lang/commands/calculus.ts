/** Commands of the language for calculus; filled in by the calculus modules. */
export {};
