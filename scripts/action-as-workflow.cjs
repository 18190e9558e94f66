// Renders a composite action (action.yml) as the reusable workflow it is equivalent to, so that actionlint,
// which lints workflows, checks the action too: its inputs become workflow_call inputs (an expression naming an
// input the action does not declare is an error), its steps one job's steps (step ids, contexts, expressions),
// and its outputs the job's and the workflow's outputs (an output must name a step that exists).
// Usage: node action-as-workflow.cjs <action.yml> <workflow.yml>   (the npm package `yaml` on NODE_PATH)
"use strict";
const fs = require("fs");
const YAML = require("yaml");

const [source, target] = process.argv.slice(2);
const action = YAML.parse(fs.readFileSync(source, "utf8"));
if (!action || !action.runs || action.runs.using !== "composite") {
  console.error(`${source}: not a composite action (runs.using must be "composite")`);
  process.exit(1);
}
const inputs = {};
for (const [name, input] of Object.entries(action.inputs || {})) {
  inputs[name] = { description: input.description, type: "string", required: input.required === true };
  if (input.default !== undefined) inputs[name].default = String(input.default);
}
const jobOutputs = {};
const workflowOutputs = {};
for (const [name, output] of Object.entries(action.outputs || {})) {
  jobOutputs[name] = output.value;
  workflowOutputs[name] = { description: output.description, value: `\${{ jobs.action.outputs.${name} }}` };
}
const workflow = {
  name: `${source} (composite action rendered as a workflow for actionlint)`,
  on: { workflow_call: { inputs, outputs: workflowOutputs } },
  permissions: { contents: "read" },
  jobs: { action: { "runs-on": "ubuntu-latest", outputs: jobOutputs, steps: action.runs.steps } },
};
fs.writeFileSync(target, `# rendered from ${source}\n` + YAML.stringify(workflow, { lineWidth: 0 }));
