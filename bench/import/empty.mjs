// The baseline of the plugin import: a program that imports nothing.
