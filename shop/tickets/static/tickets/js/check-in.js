// The check-in page: camera frames go through jsQR; a code read (or typed) is posted
// once; the same code is not posted again for 3 seconds (a held-up ticket).
(function () {
  "use strict";
  const root = document.querySelector(".checkin");
  const form = document.getElementById("typed");
  const verdict = document.getElementById("verdict");
  const video = document.getElementById("camera");
  const canvas = document.getElementById("frame");
  const csrf = form.querySelector("[name=csrfmiddlewaretoken]").value;
  let last = { code: "", at: 0 };

  function show(answer) {
    verdict.dataset.outcome = answer.outcome;
    verdict.textContent = answer.message;
    const detail = [answer.offer, answer.category, answer.slot].filter(Boolean).join(" · ");
    const used = answer.usedAt ? " — " + answer.usedAt + (answer.usedBy ? " (" + answer.usedBy + ")" : "") : "";
    if (detail || used) {
      const small = document.createElement("small");
      small.textContent = detail + used;
      verdict.appendChild(small);
    }
  }

  async function submit(code) {
    const now = Date.now();
    if (!code || (code === last.code && now - last.at < 3000)) return;
    last = { code, at: now };
    const body = new URLSearchParams({ code });
    const response = await fetch(root.dataset.checkUrl, {
      method: "POST",
      headers: { "X-CSRFToken": csrf },
      body,
      credentials: "same-origin",
    });
    show(await response.json());
    refreshCounts();
  }

  async function refreshCounts() {
    const response = await fetch(root.dataset.countsUrl, { credentials: "same-origin" });
    const data = await response.json();
    const body = document.getElementById("counts");
    body.replaceChildren(
      ...data.slots.map((slot) => {
        const row = document.createElement("tr");
        for (const value of [slot.slot + " " + slot.offer, slot.sold, slot.checkedIn, slot.expected]) {
          const cell = document.createElement("td");
          cell.textContent = String(value);
          row.appendChild(cell);
        }
        return row;
      })
    );
  }

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    submit(form.elements.code.value.trim());
    form.elements.code.value = "";
  });

  function scan() {
    if (video.readyState === video.HAVE_ENOUGH_DATA) {
      canvas.width = video.videoWidth;
      canvas.height = video.videoHeight;
      const context = canvas.getContext("2d", { willReadFrequently: true });
      context.drawImage(video, 0, 0, canvas.width, canvas.height);
      const image = context.getImageData(0, 0, canvas.width, canvas.height);
      const found = window.jsQR(image.data, image.width, image.height, { inversionAttempts: "dontInvert" });
      if (found && found.data) submit(found.data.trim());
    }
    requestAnimationFrame(scan);
  }

  if (navigator.mediaDevices && navigator.mediaDevices.getUserMedia) {
    navigator.mediaDevices
      .getUserMedia({ video: { facingMode: "environment" }, audio: false })
      .then((stream) => {
        video.srcObject = stream;
        return video.play();
      })
      .then(() => requestAnimationFrame(scan))
      .catch(() => { video.hidden = true; });
  } else {
    video.hidden = true;
  }
  refreshCounts();
  setInterval(refreshCounts, 15000);
})();
