// The inkjs side of `make bench-peers`: compile an ink file, load its JSON, play random steps.
// Prints one JSON line: compile and load CPU seconds, steps per second, peak RSS (MB).
const path = require("path");
const fs = require("fs");
const ink = require(path.resolve(process.argv[2], "node_modules/inkjs/dist/ink-full.js"));
const source = fs.readFileSync(process.argv[3], "utf8");
const steps = Number(process.argv[4] || 30000);

function cpu() { const u = process.cpuUsage(); return (u.user + u.system) / 1e6; }

let began = cpu();
const json = new ink.Compiler(source).Compile().ToJson();
const compile = cpu() - began;
began = cpu();
const story = new ink.Story(json);
const load = cpu() - began;
let seed = 7;
function random(n) { seed = (seed * 1103515245 + 12345) % 2147483648; return seed % n; }
began = cpu();
let made = 0;
while (made < steps) {
  story.ContinueMaximally();
  const choices = story.currentChoices;
  if (choices.length === 0 || made % 200 === 199) { story.ResetState(); made++; continue; }
  story.ChooseChoiceIndex(random(choices.length));
  made++;
}
const play = cpu() - began;
// VmHWM, not maxRSS: Linux keeps ru_maxrss across exec, so it would report the parent's peak.
const hwm = /VmHWM:\s+(\d+)/.exec(fs.readFileSync("/proc/self/status", "utf8"));
const peak = hwm ? Number(hwm[1]) / 1024 : process.resourceUsage().maxRSS / 1024;
console.log(JSON.stringify({ compile, load, steps_per_second: made / play, peak_mb: peak }));
