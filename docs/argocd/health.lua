-- Argo CD health check for every Kinsta custom resource (KinstaSite, KinstaDatabase, KinstaApplication, ...).
-- It reads the kstatus conditions the operator writes: Ready, Reconciling, Stalled, with observedGeneration.
local health = {status = "Progressing", message = "Waiting for the Kinsta operator"}
if obj.status == nil or obj.status.conditions == nil then
  return health
end
local generation = obj.metadata.generation
local observed = obj.status.observedGeneration
if generation ~= nil and observed ~= nil and observed < generation then
  health.message = "Waiting for the Kinsta operator to handle generation " .. generation
  return health
end
local ready, reconciling, stalled
for _, condition in ipairs(obj.status.conditions) do
  if condition.type == "Ready" then
    ready = condition
  elseif condition.type == "Reconciling" then
    reconciling = condition
  elseif condition.type == "Stalled" then
    stalled = condition
  end
end
local function describe(condition)
  local text = condition.reason or ""
  if condition.message ~= nil and condition.message ~= "" then
    text = text .. ": " .. condition.message
  end
  return text
end
local function finish(status, condition)
  health.status = status
  health.message = describe(condition)
  return health
end
if stalled ~= nil and stalled.status == "True" then
  return finish("Degraded", stalled)
end
if ready ~= nil and ready.status == "True" then
  return finish("Healthy", ready)
end
if ready ~= nil and ready.reason == "Paused" then
  return finish("Suspended", ready)
end
if reconciling ~= nil and reconciling.status == "True" then
  health.message = describe(reconciling)
elseif ready ~= nil then
  health.message = describe(ready)
end
return health
