package dev.operators.kinsta.gitops;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import org.luaj.vm2.Globals;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.lib.jse.JsePlatform;

/**
 * Runs an Argo CD health script as Argo CD does: the resource as the global {@code obj}, a table
 * returned.
 */
final class ArgoHealth {
  record Result(String status, String message) {}

  private final String script;

  ArgoHealth(Path file) throws IOException {
    this.script = Files.readString(file);
  }

  Result evaluate(JsonNode resource) {
    Globals globals = JsePlatform.standardGlobals();
    globals.set("obj", toLua(resource));
    LuaValue result = globals.load(script, "health.lua").call();
    return new Result(result.get("status").tojstring(), result.get("message").optjstring(""));
  }

  private static LuaValue toLua(JsonNode node) {
    if (node == null || node.isNull() || node.isMissingNode()) {
      return LuaValue.NIL;
    }
    if (node.isObject()) {
      LuaTable table = new LuaTable();
      Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> field = fields.next();
        table.set(field.getKey(), toLua(field.getValue()));
      }
      return table;
    }
    if (node.isArray()) {
      LuaTable table = new LuaTable();
      for (int i = 0; i < node.size(); i++) {
        table.set(i + 1, toLua(node.get(i)));
      }
      return table;
    }
    if (node.isBoolean()) {
      return LuaValue.valueOf(node.booleanValue());
    }
    if (node.isIntegralNumber()) {
      return LuaValue.valueOf(node.longValue());
    }
    if (node.isNumber()) {
      return LuaValue.valueOf(node.doubleValue());
    }
    return LuaValue.valueOf(node.asText());
  }
}
