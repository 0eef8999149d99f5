// Browser module
