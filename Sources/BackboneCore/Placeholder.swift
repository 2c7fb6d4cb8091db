// Placeholder; filled by its module's work.
