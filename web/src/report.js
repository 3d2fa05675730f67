"use strict"; window.peloReport = {ready: true, charts: {}};
