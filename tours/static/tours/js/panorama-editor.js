/* Panorama editor for Wagtail's scene panel (see tours/panels.py).
 *
 * Fields are found by the form prefix Django gives the scene form ("scenes-0"), and the
 * hotspot forms nested in it ("scenes-0-hotspots-3"). Labels reach Pannellum as plain
 * text only (it escapes hotspot text), never as HTML.
 */
(function () {
  "use strict";

  function field(prefix, name) {
    return document.getElementById("id_" + prefix + "-" + name);
  }

  function hotspotPrefixes(scenePrefix) {
    var total = field(scenePrefix, "hotspots-TOTAL_FORMS");
    var count = total ? parseInt(total.value, 10) || 0 : 0;
    var prefixes = [];
    for (var i = 0; i < count; i++) {
      var prefix = scenePrefix + "-hotspots-" + i;
      var deleted = field(prefix, "DELETE");
      if (!field(prefix, "yaw") || (deleted && (deleted.checked || deleted.value === "1"))) continue;
      prefixes.push(prefix);
    }
    return prefixes;
  }

  // Wagtail 8 dropped the insert_editor_css hook: the panel names its stylesheets and
  // they are added here, once per page. Pannellum sizes itself from its container, so
  // the viewer starts only once they have loaded.
  var stylesheets = {};

  function loadStylesheet(href) {
    if (!stylesheets[href]) {
      stylesheets[href] = new Promise(function (resolve) {
        var present = Array.prototype.some.call(
          document.querySelectorAll('link[rel="stylesheet"]'),
          function (link) {
            return link.href === new URL(href, document.baseURI).href;
          }
        );
        if (present) return resolve();
        var link = document.createElement("link");
        link.rel = "stylesheet";
        link.href = href;
        // A missing stylesheet must not keep the panorama from opening.
        link.onload = link.onerror = function () {
          resolve();
        };
        document.head.appendChild(link);
      });
    }
    return stylesheets[href];
  }

  function loadStylesheets(root) {
    var hrefs = (root.dataset.stylesheets || "").split(/\s+/).filter(Boolean);
    return Promise.all(hrefs.map(loadStylesheet));
  }

  // The panel's messages, translated by Django (tours/panels.py); English if missing.
  var ENGLISH = {
    chooseFirst: "Choose a panorama image first.",
    loading: "Loading the panorama…",
    loadFailed: "The panorama could not be loaded (%(error)s).",
    howTo: "Click “Place on panorama” on a hotspot, then click the spot in the panorama.",
    placeButton: "Place on panorama",
    thisHotspot: "this hotspot",
    clickWhere: "Now click in the panorama where “%(label)s” belongs.",
    armFirst: "Click “Place on panorama” on a hotspot first.",
    placed: "Placed at yaw %(yaw)s°, pitch %(pitch)s°.",
    noLabel: "(no label)",
  };

  function messages(root) {
    try {
      return Object.assign({}, ENGLISH, JSON.parse(root.dataset.messages || "{}"));
    } catch (error) {
      return ENGLISH;
    }
  }

  function fill(message, values) {
    return message.replace(/%\((\w+)\)s/g, function (whole, name) {
      return name in values ? String(values[name]) : whole;
    });
  }

  function round(value) {
    return Math.round(value * 10) / 10;
  }

  function PanoramaEditor(root) {
    this.root = root;
    this.prefix = root.dataset.formPrefix;
    this.previewUrl = root.dataset.previewUrl;
    this.status = root.querySelector("[data-panorama-status]");
    this.container = root.querySelector("[data-panorama-viewer]");
    this.viewer = null;
    this.armed = null;
    this.shown = [];
    this.styled = loadStylesheets(root);
    this.text = messages(root);
    root.querySelector("[data-panorama-open]").addEventListener("click", this.open.bind(this));
  }

  PanoramaEditor.prototype.say = function (message) {
    this.status.textContent = message;
  };

  PanoramaEditor.prototype.open = function () {
    var input = field(this.prefix, "panorama");
    var imageId = input && input.value;
    if (!imageId) {
      this.say(this.text.chooseFirst);
      return;
    }
    var url = this.previewUrl.replace(/0\/$/, imageId + "/");
    var editor = this;
    this.say(this.text.loading);
    var styled = this.styled;
    fetch(url, { credentials: "same-origin" })
      .then(function (response) {
        if (!response.ok) throw new Error("HTTP " + response.status);
        return response.json();
      })
      .then(function (data) {
        return styled.then(function () {
          return data;
        });
      })
      .then(function (data) {
        editor.start(data);
      })
      .catch(function (error) {
        editor.say(fill(editor.text.loadFailed, { error: error.message }));
      });
  };

  PanoramaEditor.prototype.start = function (data) {
    if (this.viewer) this.viewer.destroy();
    this.container.hidden = false;
    this.viewer = window.pannellum.viewer(this.container, {
      type: "equirectangular",
      panorama: data.url,
      autoLoad: true,
      haov: data.fullSphere ? 360 : data.haov,
      vaov: data.fullSphere ? 180 : data.vaov,
      yaw: parseFloat(field(this.prefix, "initial_yaw").value) || 0,
      pitch: parseFloat(field(this.prefix, "initial_pitch").value) || 0,
      hfov: parseFloat(field(this.prefix, "initial_fov").value) || 100,
      showControls: true,
    });
    this.loaded = false;
    var editor = this;
    // Pannellum rebuilds its hotspots when the image has loaded: draw ours after that.
    this.viewer.on("load", function () {
      editor.loaded = true;
      editor.drawHotspots();
    });
    this.addPlaceButtons();
    this.listen();
    this.say(this.text.howTo);
  };

  PanoramaEditor.prototype.listen = function () {
    var editor = this;
    var down = null;
    this.container.addEventListener("mousedown", function (event) {
      down = { x: event.clientX, y: event.clientY };
    });
    this.container.addEventListener("mouseup", function (event) {
      var moved = down && Math.hypot(event.clientX - down.x, event.clientY - down.y);
      down = null;
      if (moved === null || moved > 4) return; // a drag looks around, a click places
      editor.place(editor.viewer.mouseEventToCoords(event));
    });
    var scene = document.getElementById("inline_child_" + this.prefix) || this.root.parentNode;
    scene.addEventListener("input", function (event) {
      if (/-(yaw|pitch|label)$/.test(event.target.id || "")) editor.drawHotspots();
    });
    // Hotspot forms added or removed in the scene change the buttons and the markers.
    // Pannellum's own nodes inside the viewer are left out: drawing the markers adds
    // nodes there, and reacting to those would redraw forever, freezing the page.
    new MutationObserver(function (records) {
      var fromForms = records.some(function (record) {
        return !editor.container.contains(record.target);
      });
      if (!fromForms) return;
      editor.addPlaceButtons();
      editor.drawHotspots();
    }).observe(scene, { childList: true, subtree: true });
  };

  PanoramaEditor.prototype.addPlaceButtons = function () {
    var editor = this;
    hotspotPrefixes(this.prefix).forEach(function (prefix) {
      var yaw = field(prefix, "yaw");
      if (yaw.dataset.placeButton) return;
      yaw.dataset.placeButton = "1";
      var button = document.createElement("button");
      button.type = "button";
      button.className = "button button-small button-secondary panorama-editor__place";
      button.textContent = editor.text.placeButton;
      button.dataset.hotspotPrefix = prefix;
      button.addEventListener("click", function () {
        editor.arm(prefix, button);
      });
      yaw.insertAdjacentElement("afterend", button);
    });
  };

  PanoramaEditor.prototype.arm = function (prefix, button) {
    this.root.ownerDocument.querySelectorAll(".panorama-editor__place.is-armed").forEach(function (other) {
      other.classList.remove("is-armed");
    });
    button.classList.add("is-armed");
    this.armed = prefix;
    var label = field(prefix, "label").value || this.text.thisHotspot;
    this.say(fill(this.text.clickWhere, { label: label }));
    this.drawHotspots();
    this.container.scrollIntoView({ behavior: "smooth", block: "center" });
  };

  PanoramaEditor.prototype.place = function (coords) {
    if (!this.armed) {
      this.say(this.text.armFirst);
      return;
    }
    var pitch = round(coords[0]);
    var yaw = round(coords[1]);
    field(this.armed, "pitch").value = pitch;
    field(this.armed, "yaw").value = yaw;
    // Tell Wagtail (and its unsaved-changes check) the fields changed.
    [field(this.armed, "pitch"), field(this.armed, "yaw")].forEach(function (input) {
      input.dispatchEvent(new Event("change", { bubbles: true }));
    });
    this.say(fill(this.text.placed, { yaw: yaw, pitch: pitch }));
    this.drawHotspots();
  };

  PanoramaEditor.prototype.drawHotspots = function () {
    if (!this.viewer || !this.loaded) return;
    var viewer = this.viewer;
    var editor = this;
    this.shown.forEach(function (id) {
      viewer.removeHotSpot(id);
    });
    this.shown = [];
    hotspotPrefixes(this.prefix).forEach(function (prefix) {
      var yaw = parseFloat(field(prefix, "yaw").value);
      var pitch = parseFloat(field(prefix, "pitch").value);
      if (isNaN(yaw) || isNaN(pitch)) return;
      viewer.addHotSpot({
        id: prefix,
        yaw: yaw,
        pitch: pitch,
        text: field(prefix, "label").value || editor.text.noLabel,
        cssClass: "panorama-editor__hotspot" + (prefix === editor.armed ? " is-armed" : ""),
      });
      editor.shown.push(prefix);
    });
  };

  function init(scope) {
    scope.querySelectorAll("[data-panorama-editor]").forEach(function (root) {
      if (root.dataset.ready || /__prefix__/.test(root.dataset.formPrefix)) return;
      root.dataset.ready = "1";
      new PanoramaEditor(root);
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    init(document);
    // Scenes added with "Add scene" arrive later; set up their editors as they appear.
    new MutationObserver(function () {
      init(document);
    }).observe(document.body, { childList: true, subtree: true });
  });
})();
