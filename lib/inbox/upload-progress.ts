// The SDK uploads media to MCS with XMLHttpRequest and reports no progress. To show a real
// progress bar, watch the upload events of the SDK's own media POSTs while a send is under
// way. Only requests to a media service URL are observed; nothing is changed.

type Listener = (loaded: number) => void;

const listeners = new Set<Listener>();
let installed = false;

function install() {
  if (installed || typeof XMLHttpRequest === 'undefined') return;
  installed = true;
  const open = XMLHttpRequest.prototype.open;
  const send = XMLHttpRequest.prototype.send;
  const isMedia = new WeakSet<XMLHttpRequest>();
  XMLHttpRequest.prototype.open = function (this: XMLHttpRequest, method: string, url: string | URL, ...rest: unknown[]) {
    if (method.toUpperCase() === 'POST' && /\/Media(\?|$)/.test(String(url))) isMedia.add(this);
    return (open as (...args: unknown[]) => void).call(this, method, url, ...rest);
  } as typeof XMLHttpRequest.prototype.open;
  XMLHttpRequest.prototype.send = function (this: XMLHttpRequest, body?: Document | XMLHttpRequestBodyInit | null) {
    if (isMedia.has(this)) {
      let previous = 0;
      this.upload.addEventListener('progress', (event) => {
        const delta = event.loaded - previous;
        previous = event.loaded;
        for (const listener of listeners) listener(delta);
      });
    }
    return send.call(this, body);
  };
}

/** Reports 0..1 of `totalBytes` uploaded until the returned function is called. */
export function observeUploads(totalBytes: number, onProgress: (fraction: number) => void): () => void {
  install();
  let loaded = 0;
  const listener: Listener = (delta) => {
    loaded += delta;
    onProgress(totalBytes > 0 ? Math.min(1, loaded / totalBytes) : 1);
  };
  listeners.add(listener);
  return () => listeners.delete(listener);
}
