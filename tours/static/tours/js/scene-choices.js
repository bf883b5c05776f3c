/* The tour editor without technical keys (tours/scene_choices.py).
 *
 * Each scene form has a hidden key ([data-scene-key]); a new scene gets one made from
 * its title as the editor types it (a saved scene keeps its key: hotspots and
 * translations refer to it). Every hotspot's and guided stop's target
 * ([data-scene-choice]) lists the scenes of the form by title, including scenes added
 * since the page loaded, and keeps its present choice.
 */
(function () {
  "use strict";

  function slugify(text) {
    return (text || "")
      .normalize("NFD")
      .replace(/[\u0300-\u036f]/g, "")
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "")
      .slice(0, 60);
  }

  function scenes() {
    var found = [];
    document.querySelectorAll("input[data-scene-key]").forEach(function (keyInput) {
      var prefix = keyInput.name.replace(/-key$/, "");
      if (prefix.indexOf("__prefix__") !== -1) return;
      var deleted = document.getElementById("id_" + prefix + "-DELETE");
      if (deleted && deleted.value === "1") return;
      var title = document.getElementById("id_" + prefix + "-title");
      // The key is made for the editor: hide its label and help text too.
      var wrapper = keyInput.closest(".w-field__wrapper");
      if (wrapper && wrapper.style.display !== "none") wrapper.style.display = "none";
      found.push({ prefix: prefix, keyInput: keyInput, title: title });
    });
    return found;
  }

  function fillKeys(list) {
    var taken = {};
    list.forEach(function (scene) {
      if (scene.keyInput.value && !scene.keyInput.dataset.sceneKeyAuto) taken[scene.keyInput.value] = true;
    });
    list.forEach(function (scene) {
      var auto = !scene.keyInput.value || scene.keyInput.dataset.sceneKeyAuto;
      if (!auto) return;
      var base = slugify(scene.title && scene.title.value) || "scene";
      var key = base;
      for (var n = 2; taken[key]; n += 1) key = base + "-" + n;
      scene.keyInput.value = key;
      scene.keyInput.dataset.sceneKeyAuto = "1";
      taken[key] = true;
    });
  }

  function fillChoices(list) {
    document.querySelectorAll("select[data-scene-choice]").forEach(function (select) {
      if (select.name.indexOf("__prefix__") !== -1) return;
      var current = select.value;
      var wanted = [["", select.options.length ? select.options[0].text : "—"]];
      list.forEach(function (scene) {
        var title = (scene.title && scene.title.value) || scene.keyInput.value;
        wanted.push([scene.keyInput.value, title]);
      });
      if (current && !wanted.some(function (w) { return w[0] === current; })) {
        wanted.push([current, current]);
      }
      var same =
        select.options.length === wanted.length &&
        wanted.every(function (w, i) {
          return select.options[i].value === w[0] && select.options[i].text === w[1];
        });
      if (same) return;
      select.innerHTML = "";
      wanted.forEach(function (w) {
        var option = document.createElement("option");
        option.value = w[0];
        option.textContent = w[1];
        select.appendChild(option);
      });
      select.value = current;
    });
  }

  var queued = false;
  function refresh() {
    if (queued) return;
    queued = true;
    window.requestAnimationFrame(function () {
      queued = false;
      var list = scenes();
      if (!list.length) return;
      fillKeys(list);
      fillChoices(list);
    });
  }

  document.addEventListener("input", function (event) {
    if (event.target && /-title$/.test(event.target.name || "")) refresh();
  });
  document.addEventListener("DOMContentLoaded", function () {
    refresh();
    new MutationObserver(refresh).observe(document.body, { childList: true, subtree: true });
  });
})();
