// BinaUsaha: small enhancements. Every page works without this file; it only makes the
// desa picker narrow as you choose or type, and lets long checkbox lists be filtered.
(function () {
  "use strict";
  document.documentElement.classList.add("js");

  function fold(text) {
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }

  function fill(select, choices, emptyLabel, keep) {
    var first = select.options[0];
    var label = emptyLabel || (first ? first.textContent : "");
    select.textContent = "";
    var empty = document.createElement("option");
    empty.value = "";
    empty.textContent = label;
    select.appendChild(empty);
    choices.forEach(function (choice) {
      var option = document.createElement("option");
      option.value = choice.code;
      option.textContent = choice.label;
      if (choice.code === keep) option.selected = true;
      select.appendChild(option);
    });
  }

  function load(url, then) {
    fetch(url, { headers: { Accept: "application/json" }, credentials: "same-origin" })
      .then(function (response) { return response.ok ? response.json() : []; })
      .then(then)
      .catch(function () { then([]); });
  }

  document.querySelectorAll("[data-region-picker]").forEach(function (picker) {
    var scope = picker.getAttribute("data-region-picker");
    var kab = picker.querySelector("select[name=kabkota]");
    var kec = picker.querySelector("select[name=kecamatan]");
    var desa = picker.querySelector("select[data-desa]");
    var search = picker.querySelector("input[name=cari_desa]");
    var choose = kab.options[0] ? kab.options[0].textContent : "";
    kab.addEventListener("change", function () {
      fill(desa, [], null, "");
      if (!kab.value) { fill(kec, [], null, ""); return; }
      load("/regions/options?parent=" + encodeURIComponent(kab.value), function (list) { fill(kec, list, choose, ""); });
    });
    kec.addEventListener("change", function () {
      if (!kec.value) { fill(desa, [], null, ""); return; }
      load("/regions/options?parent=" + encodeURIComponent(kec.value), function (list) { fill(desa, list, choose, ""); });
    });
    var timer = null;
    search.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(function () {
        var typed = search.value.trim();
        if (typed.length < 2) return;
        load("/regions/search?q=" + encodeURIComponent(typed) + "&within=" + encodeURIComponent(scope), function (list) {
          fill(desa, list, choose, list.length ? list[0].code : "");
        });
      }, 250);
    });
  });

  document.querySelectorAll("fieldset[data-filter]").forEach(function (fieldset) {
    var input = document.createElement("input");
    input.type = "search";
    input.placeholder = fieldset.getAttribute("data-filter");
    input.setAttribute("aria-label", fieldset.getAttribute("data-filter"));
    input.className = "choice-filter";
    var legend = fieldset.querySelector("legend");
    legend.insertAdjacentElement("afterend", input);
    input.addEventListener("input", function () {
      var typed = fold(input.value.trim());
      fieldset.querySelectorAll("label.choice").forEach(function (label) {
        var box = label.querySelector("input");
        label.hidden = typed !== "" && !box.checked && fold(label.textContent).indexOf(typed) < 0;
      });
    });
  });
})();
