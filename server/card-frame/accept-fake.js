// A stand-in for Authorize.Net's Accept.js, for the local fake gateway: the same
// `Accept.dispatchData(secureData, callback)` and the same reply shapes. It sends the card data
// to the portal server's token endpoint, which hands it to the fake (never to the portal's API).
(() => {
  const tokenUrl = document.currentScript.dataset.tokenUrl;
  window.Accept = {
    dispatchData(secureData, callback) {
      fetch(tokenUrl, { method: 'POST', headers: { 'Content-Type': 'text/plain' }, body: JSON.stringify(secureData) })
        .then((response) => response.json())
        .then(callback, () => callback({ messages: { resultCode: 'Error', message: [{ code: 'E_WC_14', text: 'Accept.js encryption failed.' }] } }));
    },
  };
})();
