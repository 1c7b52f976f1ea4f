#!/usr/bin/env node
// Thin launcher: the CLI lives in the compiled tree.
import '../dist/src/cli/main.js';
