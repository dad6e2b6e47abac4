CREATE /* x */ TABLE -- y
 t /* ( */ ( a /* , */ INT -- )
 , b TEXT /* ) */ )