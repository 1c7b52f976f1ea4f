#!/usr/bin/env node
// Thin launcher: the CNI plugin lives in the compiled tree. Install as <CNI bin dir>/sluice-cni.
import { cliMain } from '../dist/src/cni/main.js';
await cliMain();
